# Without Django's leading zero ("09 грудня 2026 р.").
DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р., H:i"
