/**
 * The invite link: the permissions the bot uses (Attach Files among them, for
 * chart PNGs), computed from discord.js's flags, and the same link in the
 * Discord guide.
 */
import { readFileSync } from 'node:fs';
import { PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { inviteUrl, invitePermissions } from '../../adapters/discord/invite.js';

describe('the invite link', () => {
  it('asks for exactly the permissions the bot uses, Attach Files included', () => {
    const granted = new PermissionsBitField(BigInt(invitePermissions()));
    expect(granted.toArray().sort()).toEqual(['AttachFiles', 'EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel']);
  });

  it('carries the application id, both scopes and the permissions', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe(invitePermissions());
  });

  it('is the link docs/discord.md gives, with the permission number it explains', () => {
    const guide = readFileSync(new URL('../../docs/discord.md', import.meta.url), 'utf8');
    expect(guide).toContain(inviteUrl('APPLICATION_ID'));
    expect(guide).toContain(`Permissions (\`${invitePermissions()}\`)`);
  });
});
