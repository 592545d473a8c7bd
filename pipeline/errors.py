"""The small catalogue of domain errors; the CLI reports them once per article and goes on."""


class PipelineError(Exception):
    """Base class of every error the library raises on purpose."""


class ArticleReadError(PipelineError):
    """An input file or corpus record cannot be read as an article."""


class RuleFileError(PipelineError):
    """A rule or lexicon file is malformed; the message names file and line."""


class AnnotationError(PipelineError):
    """A gold annotation does not fit its article (quote not found, value outside quote...)."""
