"""ministry-news: the application that composes scraper, archive and nlp."""

__version__ = "0.1.0"
