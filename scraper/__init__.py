"""The Scrapy project that fetches the ministry's news listings and posts."""
