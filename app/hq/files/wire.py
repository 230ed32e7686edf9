"""Request shape of an upload's start (POST /v1/files/uploads).  A chunk is raw bytes with
its id and offset in headers (app.hq.files.routes)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator, model_validator

from app.sync import file_types

Sha256 = Annotated[StrictStr, Field(pattern=file_types.SHA256_RE.pattern)]


class UploadStart(BaseModel):
    """What the station is about to send: the file's sha256, size and type, and what it is
    for.  A report's PDF names the report row and when it was submitted (the submission)."""

    model_config = ConfigDict(extra="forbid")

    sha256: Sha256
    size: Annotated[StrictInt, Field(ge=1, le=file_types.MAX_FILE_BYTES)]
    media_type: Annotated[StrictStr, Field(max_length=100)]
    purpose: Literal["report_pdf", "signage_photo", "work_rules_document"]
    name: Annotated[StrictStr, Field(max_length=200)] = ""
    report_tbl: Literal["annual_report", "info_report"] | None = None
    report_id: uuid.UUID | None = None
    submitted_at: datetime | None = None

    @field_validator("submitted_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value

    @model_validator(mode="after")
    def _report_named(self) -> UploadStart:
        named = (self.report_tbl, self.report_id, self.submitted_at)
        if self.purpose == "report_pdf" and None in named:
            raise ValueError("a report's PDF names report_tbl, report_id and submitted_at")
        if self.purpose != "report_pdf" and named != (None, None, None):
            raise ValueError("only a report's PDF names a report")
        return self
