"""Routes for audit (being built)."""

from fastapi import APIRouter

router = APIRouter()
