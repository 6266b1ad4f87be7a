"""Tests of a built site in a real browser (Playwright driving Chromium)."""
