ALTER TABLE `providers` ADD `street` text;--> statement-breakpoint
ALTER TABLE `providers` ADD `postcode` text;--> statement-breakpoint
ALTER TABLE `providers` ADD `place` text;--> statement-breakpoint
ALTER TABLE `providers` ADD `contact_person` text;--> statement-breakpoint
ALTER TABLE `providers` ADD `email` text;--> statement-breakpoint
ALTER TABLE `bids` ADD `provider_street` text;--> statement-breakpoint
ALTER TABLE `bids` ADD `provider_postcode` text;--> statement-breakpoint
ALTER TABLE `bids` ADD `provider_place` text;--> statement-breakpoint
ALTER TABLE `bids` ADD `provider_contact_person` text;--> statement-breakpoint
ALTER TABLE `bids` ADD `provider_email` text;