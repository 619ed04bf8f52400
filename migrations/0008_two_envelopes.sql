ALTER TABLE `tenders` ADD `envelopes` text DEFAULT 'one' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenders` ADD `quality_locked_at` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `prices_entered_at` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `prices_entered_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `tenders` ADD `price_entry` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `prices_confirmed_at` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `prices_confirmed_by` text REFERENCES users(id);