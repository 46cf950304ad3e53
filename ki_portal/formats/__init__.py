"""Where Django's formats for a language read awkwardly, the portal's own (FORMAT_MODULE_PATH).

Every language writes times on the 24-hour clock, as the opening hours do, and the digits
0-9, Arabic and Persian included, as phone numbers, postcodes and the interface's
translations do. What is not set here is Django's format for the language.
"""
