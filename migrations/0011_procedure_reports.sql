ALTER TABLE `reports` ADD `procedure_id` text REFERENCES procedures(id);--> statement-breakpoint
ALTER TABLE `reports` ADD `addressee_kvk` text;--> statement-breakpoint
CREATE INDEX `reports_procedure_idx` ON `reports` (`procedure_id`);