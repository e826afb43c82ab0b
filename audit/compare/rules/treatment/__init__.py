"""Rules about treatments."""
