CREATE TABLE `procedures` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`buyer` text NOT NULL,
	`award_limit` text,
	`preferences` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `procedures_org_idx` ON `procedures` (`organisation_id`);--> statement-breakpoint
ALTER TABLE `tenders` ADD `procedure_id` text REFERENCES procedures(id);--> statement-breakpoint
ALTER TABLE `tenders` ADD `lot_id` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `lot_position` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `tenders_procedure_lot_idx` ON `tenders` (`procedure_id`,`lot_id`);