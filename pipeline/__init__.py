"""Turn financial news (English and Chinese) into a grounded JSON Lines fact base."""

from pipeline.models import Fact
from pipeline.quantities import Quantity, find_quantities

__all__ = ["Fact", "Quantity", "extract_corpus", "extract_text", "find_quantities"]


def __getattr__(name: str):  # noqa: ANN202
    """Import the spaCy-backed entry points lazily, so find_quantities stays light."""
    if name in ("extract_text", "extract_corpus", "extract_article"):
        from pipeline import extract

        return getattr(extract, name)
    raise AttributeError(name)
