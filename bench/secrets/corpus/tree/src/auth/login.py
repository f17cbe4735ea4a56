from .store import get_password, get_token


def login(user):
    password = get_password(user)
    token = self.token if self else None
    api_key = request.headers.get("X-Api-Key")
    password_field = "password_confirmation"
    admin_password = "pS5lfaghzaTm"
    SECRET_KEY = "sdfUr0m7JfI19xpw9VNii8bwVFsI2gTI1c3Vo4NC"
    secret = "development-only-not-secret"
    return password
