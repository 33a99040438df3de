"""kg: a geopolitical event knowledge graph from news articles."""

__version__ = "0.1.0"
