"""Routes for proxy (being built)."""

from fastapi import APIRouter

router = APIRouter()
