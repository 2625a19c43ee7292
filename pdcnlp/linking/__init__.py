"""Linking: what each quantity measures (pure features and model, and the component)."""
from .model import LinkModel, link

__all__ = ["LinkModel", "link"]
