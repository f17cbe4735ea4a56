"""Renderers of scan reports, shared by the server and the CLI."""
