"""The knowledge base as files and versions: ``loader.py`` reads and validates a knowledge folder (errors carry
file, line and a hint), ``live.py`` keeps the one being served fresh (hot reload, or the published version),
``publish.py`` publishes and rolls back the versions every host serves, ``curator.py`` holds the curators' tools
(``kb check``, ``kb test``, ``kb stats``, ``kb suggest``)."""
