# Django's Bulgarian date-time falls back to the English order ("Дек. 9, 2026, 6:30 след обяд").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
