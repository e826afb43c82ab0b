"""Report stage: formatters (one module per output format) and the HTML reports."""
