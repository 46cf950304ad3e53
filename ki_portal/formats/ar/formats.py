# Django's Arabic date-time falls back to the English order ("ديسمبر 9, 2026, 6:30 م").
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d/m/Y، H:i"
