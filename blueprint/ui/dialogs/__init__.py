"""The editor's dialogs: template chooser, PDF export options, About, and the standard prompts."""
