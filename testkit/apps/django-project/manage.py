#!/usr/bin/env python3
"""The minimal Django project's manage.py (start-app.ts copies the project to a temp dir and runs `runserver`)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
