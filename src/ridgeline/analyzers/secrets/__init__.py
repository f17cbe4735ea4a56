"""Secret detection: rules as data, a keyword-prefiltered regex pass, filters and redaction."""
