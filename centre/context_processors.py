from django.utils import timezone

from centre.models import CentreProfile, Location, describe_status


def centre(request):
    """The centre's profile and whether its main location is open now, for header and footer."""
    location = Location.load_main()
    opening_status = None
    if location is not None:
        now = timezone.now()
        opening_status = describe_status(location.status_at(now), now)
    return {"centre": CentreProfile.load(), "opening_status": opening_status}
