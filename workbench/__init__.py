"""Critical-minerals negotiation workbench: scenario documents, market model, term sheets and the desktop window."""

__version__ = "0.1.0"
