from rest_framework import serializers

from accounts.models import Role, User


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
