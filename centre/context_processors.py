from centre.models import CentreProfile


def centre(request):
    return {"centre": CentreProfile.load()}
