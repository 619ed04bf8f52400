CREATE TABLE `bid_corrections` (
	`tender_id` text NOT NULL,
	`bid_id` text NOT NULL,
	`number` integer NOT NULL,
	`corrected_at` text NOT NULL,
	`corrected_by` text NOT NULL,
	`reason` text NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`low_bid_review_state` text,
	PRIMARY KEY(`tender_id`, `bid_id`, `number`),
	FOREIGN KEY (`corrected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tender_id`,`bid_id`) REFERENCES `bids`(`tender_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `bids` ADD `withdrawn_on` text;--> statement-breakpoint
ALTER TABLE `bids` ADD `withdrawal_reason` text;