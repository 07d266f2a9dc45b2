"""The one exception the generator raises for a build that must stop."""


class GenerationError(Exception):
    """A build failure with a message meant for the person running the generator."""
