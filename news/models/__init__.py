"""News pages: the index of the site's news and the news item."""

from .news_page import NewsIndexPage, NewsPage, published_news

__all__ = ["NewsIndexPage", "NewsPage", "published_news"]
