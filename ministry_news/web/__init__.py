"""The archive on the web: search, visits, posts, their JSON API and downloads (`serve`)."""

from ministry_news.web.app import create_app

__all__ = ["create_app"]
