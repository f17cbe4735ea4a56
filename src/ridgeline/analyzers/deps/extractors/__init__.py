"""One module per lockfile format; ``registry.default_extractors()`` lists them explicitly."""
