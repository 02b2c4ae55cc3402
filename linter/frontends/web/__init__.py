"""The clerk's web page (``fzlint serve``): see ``app.py`` for the routes, ``pool.py`` for the
bounded worker pool and ``server.py`` for the production server (waitress)."""
from .app import Settings, create_app
from .server import serve

__all__ = ["Settings", "create_app", "serve"]
