"""The pricing core: catalog, quotes and image sizes. Pure Python, no Qt."""
