"""Getting a repository onto disk safely and walking it once."""
