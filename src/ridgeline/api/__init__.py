"""The HTTP API: app factory, routes, authentication, error mapping."""
