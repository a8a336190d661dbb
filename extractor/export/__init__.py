"""Writers for formats other tools read the tables in (``sqlite``: one ``dataset.sqlite``)."""
