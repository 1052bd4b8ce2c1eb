"""Security data files: the common-password list the server screens against."""
