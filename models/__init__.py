"""spaCy pipeline assets (patterns, gazetteers, config), installed as ``extractor.models``."""
