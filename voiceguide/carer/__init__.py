"""The carer's tools and files: settings, progress, doctor, setup, recordings and charts of a guide."""
