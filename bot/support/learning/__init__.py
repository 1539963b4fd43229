"""Learning from real users (issue 16): the review queue, teach decisions with their audit
trail, masking of personal data, the regression guard and the live reindex."""
