from rest_framework import serializers

from accounts.models import ApiToken, Role, User


class UserCreateSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    role = serializers.ChoiceField(choices=Role.choices)
    name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    password = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        max_length=128,
        trim_whitespace=False,
    )
    invite = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        max_length=200,
        default="",
        help_text="A recruiter invite (OPENHIRE_RECRUITER_SIGNUP=invite or approval).",
    )


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "email", "role", "name", "created_at"]


class UserWithTokenSerializer(UserSerializer):
    token = serializers.CharField(
        read_only=True, help_text="API token, shown only once."
    )

    class Meta(UserSerializer.Meta):
        fields = [*UserSerializer.Meta.fields, "token"]


class TokenCreateSerializer(serializers.Serializer):
    """`POST /auth/tokens`: a name, and email+password when no token is sent."""

    name = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    email = serializers.EmailField(max_length=254, required=False)
    password = serializers.CharField(
        max_length=128, required=False, write_only=True, trim_whitespace=False
    )


class TokenSerializer(serializers.ModelSerializer):
    """A token as listed: never its key."""

    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "expires_at", "last_used_at"]


class TokenWithKeySerializer(TokenSerializer):
    token = serializers.CharField(read_only=True, help_text="Shown only once.")

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "token"]


class WsTicketSerializer(serializers.Serializer):
    ticket = serializers.CharField(help_text="Single use: /ws/...?ticket=<ticket>.")
    expires_in = serializers.IntegerField(help_text="Seconds.")


class InviteSerializer(serializers.Serializer):
    invite = serializers.CharField(
        help_text="Single use; send as `invite` on POST /users."
    )
    expires_in = serializers.IntegerField(help_text="Seconds.")


class OkSerializer(serializers.Serializer):
    success = serializers.BooleanField()
