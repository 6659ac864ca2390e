"""The staff wing: the views inside the Wagtail admin and the reporting exports."""
