"""Stages that turn a file into a ParsedDocument: read, clean, layout, references, relations, responsibilities, targets, agencies, parse."""
