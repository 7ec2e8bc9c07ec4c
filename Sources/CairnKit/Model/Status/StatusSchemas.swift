/// The JSON Schemas (draft 2020-12) of the three status record formats, as shipped in `schemas/`.
public enum StatusSchemas {
    /// `schemas/cairn.deploy.v1.json`.
    public static let deploy = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://cairn.invalid/schemas/cairn.deploy.v1.json",
          "title": "Cairn deploy record (cairn.deploy/v1)",
          "description": "What happened when CI deployed a version to an environment. status follows GitHub's deployment statuses; health is kept apart from it, as a deploy can succeed and leave the application unhealthy. Unknown fields are allowed: Cairn keeps and ignores them.",
          "type": "object",
          "required": ["schema", "environment", "version", "commit", "status", "started_at"],
          "properties": {
            "schema": {
              "description": "The record format.",
              "type": "string",
              "const": "cairn.deploy/v1"
            },
            "environment": {
              "description": "The environment, such as staging or production.",
              "type": "string",
              "minLength": 1
            },
            "version": {
              "description": "The version deployed, such as 1.4.1.",
              "type": "string",
              "minLength": 1
            },
            "commit": {
              "description": "The commit deployed (full or abbreviated SHA).",
              "type": "string",
              "minLength": 1
            },
            "ref": {
              "description": "The branch or tag deployed, such as develop.",
              "type": "string"
            },
            "status": {
              "description": "The outcome, as in GitHub's deployment statuses.",
              "type": "string",
              "enum": ["queued", "in_progress", "success", "failure", "error", "cancelled", "rolled_back"]
            },
            "started_at": {
              "description": "When the deploy started.",
              "$ref": "#/$defs/timestamp"
            },
            "finished_at": {
              "description": "When the deploy finished.",
              "$ref": "#/$defs/timestamp"
            },
            "url": {
              "description": "The CI log of the deploy.",
              "type": "string",
              "format": "uri"
            },
            "actor": {
              "description": "Who or what triggered the deploy.",
              "type": "string"
            },
            "health": {
              "description": "The health of the application after the deploy.",
              "type": "object",
              "required": ["status"],
              "properties": {
                "status": {
                  "type": "string",
                  "enum": ["healthy", "degraded", "unhealthy"]
                },
                "checks": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["name", "status"],
                    "properties": {
                      "name": {
                        "description": "The check, such as /health or database.",
                        "type": "string",
                        "minLength": 1
                      },
                      "status": {
                        "description": "pass or fail.",
                        "type": "string",
                        "enum": ["pass", "fail"]
                      },
                      "latency_ms": {
                        "description": "Response time in milliseconds.",
                        "type": "number",
                        "minimum": 0
                      },
                      "observed": {
                        "description": "What the check saw.",
                        "type": "string"
                      }
                    }
                  }
                }
              }
            },
            "migrations": {
              "description": "The database migrations the deploy ran.",
              "type": "object",
              "required": ["applied"],
              "properties": {
                "applied": {
                  "description": "How many migrations were applied.",
                  "type": "integer",
                  "minimum": 0
                },
                "status": {
                  "description": "How the migrations went, in the tool's words.",
                  "type": "string"
                }
              }
            },
            "rollback_of": {
              "description": "The deploy this one reverted: its record's file name without .json, such as 2026-11-12T10-15-02Z-staging.",
              "type": "string",
              "minLength": 1
            },
            "producer": {
              "description": "The CI system that wrote the record, and the run that did.",
              "type": "object",
              "required": ["system"],
              "properties": {
                "system": {
                  "description": "The CI system, such as github-actions.",
                  "type": "string",
                  "minLength": 1
                },
                "run_url": {
                  "description": "The CI run that wrote the record.",
                  "type": "string",
                  "format": "uri"
                }
              }
            },
            "notes": {
              "description": "Free text for the people reading the handbook.",
              "type": "string"
            },
            "evidence_for": {
              "description": "Ids of the plan tasks this record is evidence for, such as phase-3/test-backup-restoration.",
              "type": "array",
              "items": {
                "type": "string",
                "minLength": 1
              }
            }
          },
          "$defs": {
            "timestamp": {
              "description": "An RFC 3339 instant, such as 2026-11-20T14:03:11Z or 2026-11-20T15:03:11.250+01:00.",
              "type": "string",
              "format": "date-time",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"
            }
          }
        }
        """#

    /// `schemas/cairn.backup.v1.json`.
    public static let backup = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://cairn.invalid/schemas/cairn.backup.v1.json",
          "title": "Cairn backup record (cairn.backup/v1)",
          "description": "A backup taken, and the restore test the CI job ran on it. No backup tool says \"restore test passed\": the job that restores into a scratch copy writes it. Unknown fields are allowed: Cairn keeps and ignores them.",
          "type": "object",
          "required": ["schema", "environment", "kind", "taken_at"],
          "properties": {
            "schema": {
              "description": "The record format.",
              "type": "string",
              "const": "cairn.backup/v1"
            },
            "environment": {
              "description": "The environment, such as staging or production.",
              "type": "string",
              "minLength": 1
            },
            "kind": {
              "description": "What was backed up.",
              "type": "string",
              "enum": ["database", "assets"]
            },
            "tool": {
              "description": "The tool that took the backup.",
              "type": "string",
              "enum": ["pg_dump", "pgbackrest", "restic", "velero", "other"]
            },
            "backup_id": {
              "description": "The backup's id in its tool or store.",
              "type": "string",
              "minLength": 1
            },
            "taken_at": {
              "description": "When the backup was taken.",
              "$ref": "#/$defs/timestamp"
            },
            "size_bytes": {
              "description": "The size of the backup in bytes.",
              "type": "integer",
              "minimum": 0
            },
            "encrypted": {
              "description": "Whether the backup is encrypted at rest.",
              "type": "boolean"
            },
            "retention_days": {
              "description": "How many days the backup is kept.",
              "type": "integer",
              "minimum": 0
            },
            "restore": {
              "description": "The restore test run on this backup.",
              "type": "object",
              "required": ["tested_at", "status"],
              "properties": {
                "tested_at": {
                  "description": "When the restore test ran.",
                  "$ref": "#/$defs/timestamp"
                },
                "status": {
                  "type": "string",
                  "enum": ["pass", "fail", "partial"]
                },
                "duration_s": {
                  "description": "How long the restore took, in seconds.",
                  "type": "number",
                  "minimum": 0
                },
                "rto_s": {
                  "description": "The recovery time measured, in seconds.",
                  "type": "number",
                  "minimum": 0
                },
                "rpo_s": {
                  "description": "The recovery point measured: the age of the restored data, in seconds.",
                  "type": "number",
                  "minimum": 0
                },
                "checks": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["name", "status"],
                    "properties": {
                      "name": {
                        "description": "The check, such as row counts.",
                        "type": "string",
                        "minLength": 1
                      },
                      "status": {
                        "description": "pass or fail.",
                        "type": "string",
                        "enum": ["pass", "fail"]
                      },
                      "expected": {
                        "type": "string"
                      },
                      "observed": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            },
            "notes": {
              "description": "Free text for the people reading the handbook.",
              "type": "string"
            },
            "evidence_for": {
              "description": "Ids of the plan tasks this record is evidence for, such as phase-3/test-backup-restoration.",
              "type": "array",
              "items": {
                "type": "string",
                "minLength": 1
              }
            }
          },
          "$defs": {
            "timestamp": {
              "description": "An RFC 3339 instant, such as 2026-11-20T14:03:11Z or 2026-11-20T15:03:11.250+01:00.",
              "type": "string",
              "format": "date-time",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"
            }
          }
        }
        """#

    /// `schemas/cairn.metrics.v1.json`.
    public static let metrics = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://cairn.invalid/schemas/cairn.metrics.v1.json",
          "title": "Cairn metrics record (cairn.metrics/v1)",
          "description": "Measured values over a window of time. Units are explicit and never guessed: % and ratio are different units (99.9 % equals 0.999 ratio). Unknown fields are allowed: Cairn keeps and ignores them.",
          "type": "object",
          "required": ["schema", "environment", "window", "values"],
          "properties": {
            "schema": {
              "description": "The record format.",
              "type": "string",
              "const": "cairn.metrics/v1"
            },
            "environment": {
              "description": "The environment, such as staging or production.",
              "type": "string",
              "minLength": 1
            },
            "window": {
              "description": "The time the values were measured over.",
              "type": "object",
              "required": ["from", "to"],
              "properties": {
                "from": {
                  "$ref": "#/$defs/timestamp"
                },
                "to": {
                  "$ref": "#/$defs/timestamp"
                }
              }
            },
            "values": {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "object",
                "required": ["name", "value", "unit"],
                "properties": {
                  "name": {
                    "description": "Matched with the plan's targets case-insensitively, such as Uptime or Response time.",
                    "type": "string",
                    "minLength": 1
                  },
                  "value": {
                    "type": "number"
                  },
                  "unit": {
                    "description": "The unit, never guessed: %, ratio, ms, s.",
                    "type": "string",
                    "minLength": 1
                  },
                  "stat": {
                    "description": "The aggregation: p95, avg, max, ratio.",
                    "type": "string"
                  },
                  "target": {
                    "description": "A target's id, when the name alone would not find it.",
                    "type": "string"
                  }
                }
              }
            },
            "notes": {
              "description": "Free text for the people reading the handbook.",
              "type": "string"
            },
            "evidence_for": {
              "description": "Ids of the plan tasks this record is evidence for, such as phase-3/test-backup-restoration.",
              "type": "array",
              "items": {
                "type": "string",
                "minLength": 1
              }
            }
          },
          "$defs": {
            "timestamp": {
              "description": "An RFC 3339 instant, such as 2026-11-20T14:03:11Z or 2026-11-20T15:03:11.250+01:00.",
              "type": "string",
              "format": "date-time",
              "pattern": "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"
            }
          }
        }
        """#
}
