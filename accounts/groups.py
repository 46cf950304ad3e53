"""The names of the staff groups other code relies on, defined once.

The counselling team reads decrypted requests; the data protection officer reads the access
log; the administration manages users and groups.
"""

COUNSELLING_GROUP = "Beratung"
DATA_PROTECTION_GROUP = "Datenschutz"
ADMINISTRATION_GROUP = "Administration"
