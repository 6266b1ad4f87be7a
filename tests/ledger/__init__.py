"""Tests of the domain package (ledger/): loading, checks, numbers, dates, the command line."""
