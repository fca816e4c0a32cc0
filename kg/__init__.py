"""kg: knowledge graphs from CPPCC plenary speech digests (政协大会发言摘编)."""

__version__ = "0.1.0"
