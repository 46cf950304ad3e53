# Without Django's leading zero ("09 Aralık 2026").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
