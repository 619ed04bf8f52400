ALTER TABLE `users` ADD `disabled_at` text;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `last_used_at` integer;