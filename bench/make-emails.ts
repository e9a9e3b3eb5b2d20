/**
 * Writes the benchmark emails in bench/emails/ (small, medium, large): branded
 * ESP-style HTML templates with an apology, an explanation, steps and a
 * footer. They were generated once and are committed; run this only to
 * change them (`npx tsx bench/make-emails.ts`), so that runs stay comparable.
 */
import {mkdirSync, writeFileSync} from 'node:fs'

interface Brand {
  name: string
  domain: string
  colour: string
  background: string
  logoWidth: number
  address: string
}

const FONT = "font-family:'Helvetica Neue',Helvetica,Arial,sans-serif"

function escape(text: string): string {
  return text
    .replace(/&(?![a-z]{2,8};|#[0-9]{2,5};)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&#8217;')
}

/** Inline markup in content: **bold** and [text](href). */
function inline(text: string, brand: Brand): string {
  return escape(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, `<a href="$2" target="_blank" style="color:${brand.colour};text-decoration:underline;">$1</a>`)
}

type Part =
  | {p: string}
  | {h2: string}
  | {h3: string}
  | {ul: string[]}
  | {ol: string[]}
  | {button: [string, string]}
  | {table: [string, string][]}
  | {faq: [string, string][]; plain?: boolean}
  | {note: string}

/** Wraps a content block the way Salesforce Marketing Cloud's drag-and-drop editor does. */
function module(html: string): string {
  return `<table role="presentation" class="stylingblock-content-wrapper" width="100%" cellspacing="0" cellpadding="0" style="min-width:100%;"><tr><td class="stylingblock-content-margin-cell" style="padding:0px 0px 0px 0px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background-color:transparent;min-width:100%;"><tr><td class="stylingblock-content-wrapper camarker-inner" style="padding:0px 0px 0px 0px;">
${html}
</td></tr></table>
</td></tr></table>`
}

function render(parts: Part[], brand: Brand, modules = false): string {
  const out: string[] = []
  const p = (t: string): string => `<p style="margin:0 0 16px 0;${FONT};font-size:16px;line-height:25px;color:#2b2b2b;">${inline(t, brand)}</p>`
  for (const part of parts) {
    if ('p' in part) out.push(p(part.p))
    else if ('h2' in part)
      out.push(`<h2 style="margin:28px 0 12px 0;${FONT};font-size:20px;line-height:26px;font-weight:bold;color:#111111;">${inline(part.h2, brand)}</h2>`)
    else if ('h3' in part)
      out.push(`<h3 style="margin:20px 0 8px 0;${FONT};font-size:17px;line-height:23px;font-weight:bold;color:#111111;">${inline(part.h3, brand)}</h3>`)
    else if ('ul' in part || 'ol' in part) {
      const tag = 'ul' in part ? 'ul' : 'ol'
      const items = 'ul' in part ? part.ul : part.ol
      out.push(
        `<${tag} style="margin:0 0 18px 0;padding:0 0 0 22px;${FONT};font-size:16px;line-height:25px;color:#2b2b2b;">\n` +
          items.map((i) => `  <li style="margin:0 0 10px 0;">${inline(i, brand)}</li>`).join('\n') +
          `\n</${tag}>`,
      )
    } else if ('button' in part) {
      const [label, href] = part.button
      out.push(`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;">
<tr><td align="center" bgcolor="${brand.colour}" style="border-radius:6px;background-color:${brand.colour};">
<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="${href}" style="height:46px;v-text-anchor:middle;width:260px;" arcsize="12%" stroke="f" fillcolor="${brand.colour}"><w:anchorlock/><center style="color:#ffffff;font-family:Arial,sans-serif;font-size:16px;font-weight:bold;">${escape(label)}</center></v:roundrect><![endif]-->
<!--[if !mso]><!-- --><a href="${href}" target="_blank" class="btn" style="display:inline-block;padding:13px 28px;${FONT};font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;background-color:${brand.colour};">${escape(label)}</a><!--<![endif]-->
</td></tr></table>`)
    } else if ('table' in part) {
      out.push(
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px 0;border-collapse:collapse;">\n` +
          part.table
            .map(
              ([a, b]) =>
                `<tr><td width="38%" valign="top" style="padding:10px 12px;border:1px solid #e3e3e3;background-color:#fafafa;${FONT};font-size:14px;line-height:20px;font-weight:bold;color:#333333;">${inline(a, brand)}</td>` +
                `<td valign="top" style="padding:10px 12px;border:1px solid #e3e3e3;${FONT};font-size:14px;line-height:20px;color:#333333;">${inline(b, brand)}</td></tr>`,
            )
            .join('\n') +
          '\n</table>',
      )
    } else if ('faq' in part && part.plain) {
      // A plain list of questions is one content block.
      out.push(
        part.faq
          .map(
            ([q, a]) =>
              `<h3 style="margin:20px 0 6px 0;${FONT};font-size:16px;line-height:22px;font-weight:bold;color:#111111;">${inline(q, brand)}</h3>\n` +
              a
                .split('\n\n')
                .map((para) => p(para))
                .join('\n'),
          )
          .join('\n'),
      )
    } else if ('faq' in part) {
      for (const [q, a] of part.faq) {
        if (modules) {
          out.push(
            module(
              `<h3 style="margin:20px 0 6px 0;${FONT};font-size:16px;line-height:22px;font-weight:bold;color:#111111;">${inline(q, brand)}</h3>\n` +
                a
                  .split('\n\n')
                  .map((para) => `<p style="margin:0 0 16px 0;${FONT};font-size:16px;line-height:25px;color:#2b2b2b;">${inline(para, brand)}</p>`)
                  .join('\n'),
            ),
          )
          continue
        }
        out.push(`<h3 style="margin:20px 0 6px 0;${FONT};font-size:16px;line-height:22px;font-weight:bold;color:#111111;">${inline(q, brand)}</h3>`)
        for (const para of a.split('\n\n')) out.push(p(para))
      }
    } else if ('note' in part) {
      out.push(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px 0;">
<tr><td style="padding:16px 18px;border-left:4px solid ${brand.colour};background-color:${brand.background};${FONT};font-size:15px;line-height:23px;color:#2b2b2b;">${inline(part.note, brand)}</td></tr></table>`)
    }
  }
  return modules ? out.map((html) => (html.includes('stylingblock-content-wrapper') ? html : module(html))).join('\n') : out.join('\n')
}

interface Email {
  brand: Brand
  title: string
  preheader: string
  nav: [string, string][]
  hero?: string
  content: Part[]
  signature: string[]
  footer: string[]
  social?: boolean
  /** Wrap every content block in SFMC module tables (heavier markup, as real breach notices have). */
  modules?: boolean
  /** A plain hand-coded template: no head styles or Outlook conditionals. */
  light?: boolean
}

/** A small hand-coded template, as a shop on a simple ESP sends it. */
function lightPage(email: Email): string {
  const {brand} = email
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(email.title)}</title>
</head>
<body style="margin:0;padding:0;background-color:${brand.background};">
<span class="preheader" style="display:none;max-height:0;overflow:hidden;">${escape(email.preheader)}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td align="center" style="padding:20px 10px;">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0" style="background-color:#ffffff;">
<tr><td class="header" style="padding:20px 32px;"><a href="https://www.${brand.domain}/"><img src="https://cdn.${brand.domain}/logo.png" width="${brand.logoWidth}" height="40" alt="${escape(brand.name)}" style="display:block;border:0;"></a></td></tr>
<tr><td style="padding:0 32px 8px 32px;">
${render(email.content, brand)}
<p style="margin:20px 0 0 0;${FONT};font-size:16px;line-height:25px;">${email.signature.map((l) => inline(l, brand)).join('<br>')}</p>
</td></tr>
<tr><td class="footer" style="padding:20px 32px;${FONT};font-size:12px;line-height:18px;color:#888888;">
${email.footer.map((l) => inline(l, brand)).join('<br>')}<br>${escape(brand.name)}, ${escape(brand.address)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`
}

function page(email: Email): string {
  const {brand} = email
  if (email.light) return lightPage(email)
  const nav = email.nav
    .map(
      ([label, href]) =>
        `<a href="${href}" target="_blank" style="${FONT};font-size:13px;line-height:18px;color:#555555;text-decoration:none;padding:0 8px;">${escape(label)}</a>`,
    )
    .join('\n')
  const social = email.social
    ? `<tr><td align="center" style="padding:0 40px 16px 40px;">
<a href="https://www.facebook.example/${brand.domain}" target="_blank"><img src="https://cdn.${brand.domain}/email/social/facebook.png" width="28" height="28" alt="Facebook" style="display:inline-block;border:0;margin:0 6px;"></a>
<a href="https://www.instagram.example/${brand.domain}" target="_blank"><img src="https://cdn.${brand.domain}/email/social/instagram.png" width="28" height="28" alt="Instagram" style="display:inline-block;border:0;margin:0 6px;"></a>
<a href="https://www.linkedin.example/company/${brand.domain}" target="_blank"><img src="https://cdn.${brand.domain}/email/social/linkedin.png" width="28" height="28" alt="LinkedIn" style="display:inline-block;border:0;margin:0 6px;"></a>
</td></tr>`
    : ''
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="x-apple-disable-message-reformatting">
<title>${escape(email.title)}</title>
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
<style type="text/css">
  body,table,td,a{-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;}
  table,td{mso-table-lspace:0pt;mso-table-rspace:0pt;}
  img{border:0;height:auto;line-height:100%;outline:none;text-decoration:none;}
  @media only screen and (max-width:620px){.container{width:100% !important;}.px{padding-left:20px !important;padding-right:20px !important;}}
</style>
</head>
<body style="margin:0;padding:0;background-color:#f3f3f1;">
<div class="preheader" style="display:none;font-size:1px;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;">${escape(email.preheader)}&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f3f1;">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;background-color:#ffffff;">
<tr><td class="px header" align="left" style="padding:22px 40px 18px 40px;border-bottom:3px solid ${brand.colour};">
<a href="https://www.${brand.domain}/" target="_blank"><img src="https://cdn.${brand.domain}/email/logo.png" width="${brand.logoWidth}" height="40" alt="${escape(brand.name)}" style="display:block;width:${brand.logoWidth}px;height:40px;border:0;"></a>
</td></tr>${
    email.nav.length > 0
      ? `
<tr><td class="px nav" align="center" style="padding:10px 40px;border-bottom:1px solid #eeeeee;">
${nav}
</td></tr>`
      : ''
  }${
    email.hero
      ? `
<tr><td class="px" style="padding:32px 40px 0 40px;">
<h1 style="margin:0;${FONT};font-size:26px;line-height:32px;font-weight:bold;color:#111111;">${inline(email.hero, brand)}</h1>
</td></tr>`
      : ''
  }
<tr><td class="px" style="padding:24px 40px 8px 40px;">
${render(email.content, brand, email.modules)}
<p style="margin:24px 0 0 0;${FONT};font-size:16px;line-height:25px;color:#2b2b2b;">${email.signature.map((l) => inline(l, brand)).join('<br>\n')}</p>
</td></tr>
<tr><td style="padding:24px 0 0 0;"><div style="border-top:1px solid #eeeeee;font-size:1px;line-height:1px;">&nbsp;</div></td></tr>
${social}
<tr><td class="px footer" align="center" style="padding:8px 40px 32px 40px;${FONT};font-size:12px;line-height:18px;color:#8a8a8a;">
${email.footer.map((l) => `<p style="margin:0 0 8px 0;">${inline(l, brand)}</p>`).join('\n')}
<p style="margin:0;">${escape(brand.name)} &middot; ${escape(brand.address)}</p>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`
}

// ---------------------------------------------------------------------------
// Small: a wrong discount code (~160 words).

const marlow: Brand = {
  name: 'Marlow Coffee Roasters',
  domain: 'marlowcoffee.example',
  colour: '#7a4b2a',
  background: '#f8f1ea',
  logoWidth: 170,
  address: '14 Tannery Lane, Bristol BS1 6QD',
}

const small: Email = {
  brand: marlow,
  light: true,
  title: 'Sorry: the code in yesterday’s email did not work',
  preheader: 'The code SPRING15 was switched off by mistake. It works again until Sunday.',
  nav: [],
  content: [
    {p: 'Hi {{first_name}},'},
    {
      p: 'We are sorry. The discount code **SPRING15** in yesterday’s email did not work at checkout between 9:00 and 15:40, because we switched it off by mistake while setting up the next offer.',
    },
    {
      p: 'The code works again now, and we have extended it until Sunday 23:59. If you paid full price yesterday, you do not need to do anything: we have already refunded the 15% to the card you used, and you will see it within three working days.',
    },
    {button: ['Use SPRING15 now', 'https://www.marlowcoffee.example/shop?utm_source=email&utm_campaign=spring15-fix']},
    {
      p: 'If your order arrived without the discount and the refund has not appeared by Friday, or you would rather have the beans again instead of the money, just reply to this email and one of us will sort it out.',
    },
  ],
  signature: ['Sorry again,', 'Hannah and the Marlow team'],
  footer: [
    'You are receiving this email because you subscribed to offers from Marlow Coffee Roasters. [Unsubscribe](https://www.marlowcoffee.example/unsubscribe?u={{subscriber_id}})',
  ],
}

// ---------------------------------------------------------------------------
// Medium: orders charged twice and shipped late (~700 words).

const fernhill: Brand = {
  name: 'Fernhill Outdoor',
  domain: 'fernhill.example',
  colour: '#1f5c45',
  background: '#eef5f1',
  logoWidth: 180,
  address: 'Unit 7, Riverside Trade Park, Kendal LA9 6NH, United Kingdom',
}

const medium: Email = {
  brand: fernhill,
  title: 'We charged you twice for order {{order_number}}, and we are sorry',
  preheader: 'Your second payment is already on its way back. Here is what happened and what we are doing about it.',
  nav: [
    ['Shop', 'https://www.fernhill.example/shop'],
    ['Your orders', 'https://www.fernhill.example/account/orders'],
    ['Help centre', 'https://help.fernhill.example/'],
  ],
  hero: 'We charged you twice for order {{order_number}}. We are sorry.',
  social: true,
  content: [
    {p: 'Hi {{first_name}},'},
    {
      p: 'On Tuesday 4 March between 10:12 and 13:47, a fault in our checkout took payment twice for some orders, including yours. You paid **{{order_total}}** twice for order **{{order_number}}**. That is our mistake, not your bank’s, and we are sorry for the worry and the extra money out of your account.',
    },
    {
      note: '**The short version:** we refunded the second payment on Wednesday 5 March. You do not need to contact us or your bank. The refund usually shows within three to five working days.',
    },
    {h2: 'What happened'},
    {
      p: 'We moved our checkout to a new payment provider on the morning of 4 March. When a payment took longer than 20 seconds to confirm, our system asked the provider again instead of waiting for the first answer, and the provider treated the second request as a new payment. We tested the new checkout with our own cards, but our tests never hit the slow path that busy periods cause.',
    },
    {
      p: '1,214 customers were charged twice. Nobody was charged more than twice, no card details were exposed, and the fault did not affect orders placed in our shops or by phone.',
    },
    {h2: 'What we have done'},
    {
      ul: [
        'At 13:47 we switched back to our previous checkout, and no order placed since then has been charged twice.',
        'On 5 March we refunded every duplicate payment in full. We matched each refund to the original card, so you do not need to send us anything.',
        'We have asked our payment provider to reject repeated requests for the same order, and we now wait for the first answer, however long it takes.',
        'Before we switch again, we will run the new checkout alongside the old one for two weeks and compare every payment.',
      ],
    },
    {h2: 'What you need to do'},
    {p: 'In most cases, nothing. If you want to check:'},
    {
      ol: [
        'Look for a refund of {{order_total}} from FERNHILL OUTDOOR on your statement. It is dated 5 March but may appear up to five working days later.',
        'If you do not see it by Wednesday 12 March, reply to this email with your order number and we will send you the refund reference, which your bank can trace.',
        'If the second payment took you into an overdraft or caused a bank charge, send us a copy of the charge and we will pay it back, together with £10 for the trouble.',
      ],
    },
    {
      button: [
        'Check your order',
        'https://www.fernhill.example/account/orders/{{order_number}}?utm_source=email&utm_medium=service&utm_campaign=double-charge',
      ],
    },
    {h2: 'Your order'},
    {
      p: 'Your order itself was not affected. It was packed on 5 March and is with Royal Mail, tracking number **{{tracking_number}}**. It should arrive by Friday 7 March. If it does not, let us know and we will send a replacement by next-day delivery at our cost.',
    },
    {h2: 'Questions you may have'},
    {
      faq: [
        [
          'Was my card information stolen?',
          'No. The fault was in how our checkout talked to the payment provider. Nobody outside Fernhill and the provider saw your card details, and there is no need to cancel your card.',
        ],
        [
          'Will I be charged again when my order ships?',
          'No. We take payment once, when you order. The refund cancels the second payment and nothing else will be taken for this order.',
        ],
        [
          'Can I cancel my order instead?',
          'Yes. You can return anything within 60 days for a full refund, including postage. Start a return from your account or reply to this email and we will send a prepaid label.',
        ],
      ],
    },
    {
      p: 'If anything here is unclear, or you would simply like to tell us what this cost you, reply to this email. It goes to our customer care team in Kendal, and a person will answer within one working day. You can also call us free on 0800 555 0142, Monday to Saturday, 8:00 to 18:00.',
    },
    {p: 'Thank you for your patience, and for shopping with a small company that sometimes gets things wrong. We will keep working to earn back your trust.'},
  ],
  signature: ['With apologies,', 'Rob Ellison', 'Head of Customer Care, Fernhill Outdoor'],
  footer: [
    'You are receiving this service email because you placed order {{order_number}} with Fernhill Outdoor. It is not marketing, so we send it even if you have opted out of our newsletters.',
    '[Manage your preferences](https://www.fernhill.example/account/preferences) &middot; [Privacy policy](https://www.fernhill.example/privacy) &middot; [Unsubscribe from marketing](https://www.fernhill.example/unsubscribe?u={{subscriber_id}})',
    'Fernhill Outdoor Ltd is registered in England and Wales, company number 08123456. VAT number GB 123 4567 89.',
  ],
}

// ---------------------------------------------------------------------------
// Large: a data-breach notice with FAQ and state-by-state information (~5000 words).

const harbor: Brand = {
  name: 'Harborview Health Partners',
  domain: 'harborviewhealth.example',
  colour: '#0b4f8a',
  background: '#edf3f9',
  logoWidth: 220,
  address: '1800 Waterfront Avenue, Suite 400, Portland, OR 97209',
}

const faq: [string, string][] = [
  [
    'How did this happen?',
    'An employee in our billing department received an email on September 8 that looked like a message from our IT help desk. It asked them to sign in to check a mailbox storage warning. The link led to a fake sign-in page, and the employee entered their password and approved the sign-in on their phone. The attacker then used that session to read and download the contents of the mailbox.\n\nWe should have caught this sooner. Our tools flagged the unusual sign-in, but the alert was sent to a queue that was not being watched over a weekend. We have fixed that, and we explain below what else we have changed.',
  ],
  [
    'Why did the mailbox contain my information?',
    'The billing team used email to send insurance claim corrections and payment plan details to each other and to some insurers. Those messages and their attachments contained patient names, dates of birth and claim information. Keeping this information in email was not necessary, and our policy said it should be stored in our billing system instead. We did not enforce that policy well enough.',
  ],
  [
    'Was my medical record accessed?',
    'No. Your full medical record is kept in our electronic health record system, which is separate from email and was not accessed. The mailbox contained billing and insurance information, and for some patients a short description of the service that was billed, such as “office visit” or “physical therapy, 45 minutes”. The tables above show what was in the mailbox for the group of patients you belong to.',
  ],
  [
    'Was my Social Security number taken?',
    'For most patients, no. The mailbox contained Social Security numbers for 3,106 patients, mostly on older insurance forms. If your Social Security number was in the mailbox, this letter says so in the section “What information was involved”, and we strongly encourage you to use the free credit monitoring and to consider a credit freeze.',
  ],
  [
    'Has my information been misused?',
    'We have no evidence that anyone has used the information to commit fraud, and we have not seen it offered for sale. We cannot promise that it will never be misused, which is why we are offering credit and identity monitoring and explaining the steps you can take to protect yourself.',
  ],
  [
    'Why did it take until now to tell me?',
    'We learned about the unauthorized access on September 12. It then took our investigators until October 20 to go through every message and attachment in the mailbox and work out exactly whose information was in it and what kind. We did not want to send a notice that was wrong or incomplete, but we know that five weeks is a long time to wait, and we are sorry for the delay.',
  ],
  [
    'How do I sign up for credit monitoring?',
    'Go to [harborviewhealth.example/protect](https://www.harborviewhealth.example/protect) and enter the enrollment code printed at the top of this email. You can also enroll by phone at 1-888-555-0187. You must enroll by January 31 to get the free service. Enrolling takes about five minutes and does not affect your credit score.',
  ],
  [
    'What does the credit monitoring include?',
    'The service includes 24 months of credit monitoring at all three national credit bureaus, alerts when new accounts or inquiries appear on your credit file, dark web monitoring for your personal information, up to $1,000,000 of identity theft insurance, and access to a dedicated specialist who will help you recover if your identity is stolen. It is free for you, and it does not renew automatically.',
  ],
  [
    'I do not have a credit history. Should I still enroll?',
    'Yes. Children and people with little credit history are attractive targets for identity theft because nobody is watching their file. The service includes a version for minors. A parent or guardian can enroll a child using the child’s code.',
  ],
  [
    'Should I cancel my credit card?',
    'The mailbox did not contain full credit or debit card numbers for any patient. For 212 patients it contained the last four digits of a card, which cannot be used on their own to make purchases. You do not need to cancel your card, but we recommend checking your statements for payments you do not recognize.',
  ],
  [
    'What is a credit freeze and how do I get one?',
    'A credit freeze stops lenders from seeing your credit report, which makes it much harder for someone to open a new account in your name. Placing and lifting a freeze is free. You need to contact each of the three credit bureaus separately; their contact details are in the section “Steps you can take”. You can lift the freeze at any time, for example when you apply for a loan.',
  ],
  [
    'What is a fraud alert?',
    'A fraud alert tells lenders to take extra steps to confirm your identity before opening an account. An initial fraud alert lasts one year and is free. You only need to contact one of the three bureaus, and it will tell the other two.',
  ],
  [
    'Can I get a new medical record number?',
    'Yes. If you would like a new patient account number, call our dedicated line and we will issue one and update your insurer. This does not change your care or your appointments.',
  ],
  [
    'What should I do if I receive a suspicious call or email?',
    'Harborview will never call or email you to ask for your Social Security number, password or full card number. If someone contacts you claiming to be from Harborview and asks for that information, hang up or delete the message and call us on the number in this email. You can also report it to the Federal Trade Commission at [reportfraud.ftc.example](https://reportfraud.ftc.example).',
  ],
  [
    'My explanation of benefits shows a service I did not receive. What do I do?',
    'Call your health insurer first and ask them to investigate. Then call our dedicated line and we will check our billing records. Medical identity theft can show up as unfamiliar services, bills for care you did not receive, or collection notices, so it is worth reading every explanation of benefits you get over the next year.',
  ],
  [
    'Will this affect my care or my appointments?',
    'No. Our clinics, pharmacy and patient portal were not affected, and all appointments are going ahead as planned. You do not need to change anything about how you get care from us.',
  ],
  [
    'Was the patient portal affected?',
    'No. The patient portal is a separate system, and we found no sign of unauthorized access to it. You do not need to change your portal password because of this incident, although it is always a good idea to use a password you do not use anywhere else.',
  ],
  [
    'Who else has been told?',
    'We have reported the incident to the U.S. Department of Health and Human Services Office for Civil Rights, to the attorneys general of the states where affected patients live, to the consumer reporting agencies, and to the FBI. We are also posting a notice on our website and in local media, as the law requires.',
  ],
  [
    'Did Harborview pay a ransom?',
    'No. This was not a ransomware attack, no systems were encrypted, and nobody has asked us for money. Had they done so, we would not have paid.',
  ],
  [
    'What has happened to the employee?',
    'The employee reported the message themselves once they realized what had happened, which helped us act faster. We do not discuss individual employment matters, but we have made phishing training more frequent for everyone, and we are changing our systems so that one mistake cannot expose this much information again.',
  ],
  [
    'What are you changing so this does not happen again?',
    'We now require phishing-resistant security keys for every staff sign-in, rather than approvals on a phone. Alerts about unusual sign-ins now go to a security team that is staffed around the clock. Billing staff can no longer send patient information by email; they use our billing system, which keeps an audit trail. Messages in staff mailboxes that contain patient information are now deleted automatically after 30 days. An outside firm will test these changes in the spring and we will publish a summary of its findings.',
  ],
  [
    'I received this letter for someone who has died. What should I do?',
    'We are sorry to contact you at a difficult time. Please call our dedicated line and we will update our records. You can also ask the credit bureaus to place a deceased alert on the person’s credit file, which prevents new accounts from being opened in their name.',
  ],
  [
    'I am not a Harborview patient. Why did I receive this?',
    'Some insurance forms in the mailbox listed the policyholder as well as the patient, for example a parent whose insurance covers a child. If you are the policyholder for a Harborview patient, your name, date of birth and insurance member number may have been in the mailbox. The steps in this letter apply to you too.',
  ],
  [
    'Can I get this letter in another language or format?',
    'Yes. Call our dedicated line to request this letter in Spanish, Vietnamese, Russian, Chinese or another language, or in large print or Braille. Interpreters are available at no cost.',
  ],
  [
    'Where can I find more information?',
    'We have posted updates and answers to more questions at [harborviewhealth.example/incident](https://www.harborviewhealth.example/incident). We will update that page if we learn anything new, and we will write to you again if the investigation finds that more of your information was involved.',
  ],
  [
    'Why did my letter arrive by email and not by post?',
    'You chose email as your preferred way to hear from us in the patient portal, so we sent this notice by email first. We are also mailing a printed copy to the address we have on file, as the law requires. If you receive both, they say the same thing, and you only need to enroll in monitoring once.',
  ],
  [
    'How do I know this email is really from Harborview?',
    'This email does not ask you to sign in, and it does not ask for any personal information. The enrollment link goes to our own website, harborviewhealth.example, which then sends you to the monitoring provider. If you are unsure, do not click anything: type our web address into your browser yourself, or call the number printed on the back of your patient card and ask for the incident line.',
  ],
  [
    'Can I see the messages that contained my information?',
    'You have the right to ask what information about you we hold. Because the mailbox contained information about many people, we cannot send you the messages themselves, but our Privacy Officer can send you a written summary of every item that mentioned you, including the date of each message and what it contained. Call our dedicated line or write to the Privacy Officer to ask for it. There is no charge.',
  ],
  [
    'Does this affect my health insurance?',
    'No. Your coverage, benefits and claims are not affected. We have told the insurers whose member numbers were in the mailbox, and several of them have added extra checks to the accounts involved. If your insurer contacts you about this incident, you can confirm what they tell you by calling our dedicated line.',
  ],
  [
    'Someone used my information. Will you help me?',
    'Yes. If you enroll in the monitoring service, a dedicated specialist will work with you to recover your identity, including calling creditors and filing paperwork on your behalf. If you have already lost money or paid for help because of this incident, keep your receipts and call our dedicated line. We will review every case and reimburse reasonable costs that this incident caused.',
  ],
  [
    'Will Harborview pay for a credit freeze or a new card?',
    'Credit freezes are free by law, and your bank should replace a card at no charge. If you are charged for anything you did to protect yourself because of this incident, such as a replacement document or a notary fee, send us the receipt and we will pay you back.',
  ],
  [
    'I have already received a letter about a different breach. Is this the same one?',
    'Probably not. Unfortunately, many organizations have had incidents in recent years. This letter is only about the Harborview billing mailbox accessed between September 8 and September 12. If you are unsure, call our dedicated line and give them the date and sender of the other letter; they will tell you whether it is related.',
  ],
  [
    'Can I opt out of email from Harborview?',
    'Yes. You can change how we contact you in the patient portal under “Communication preferences”. We will still send notices that the law requires, like this one, by post.',
  ],
  [
    'How long will you keep my information?',
    'We keep billing records for as long as federal and state law require, usually seven to ten years. We no longer keep billing information in email, and mailboxes are now cleared of patient information after 30 days. You can read our full retention schedule in our Notice of Privacy Practices.',
  ],
  [
    'Is there a class action or lawsuit I should know about?',
    'We are aware that lawyers sometimes contact patients after an incident like this. You are free to seek legal advice. Enrolling in the free monitoring does not waive any of your rights, and you do not need to sign anything to receive it.',
  ],
  [
    'Why are you offering 24 months of monitoring and not longer?',
    'Most misuse of stolen personal information happens within the first two years. Twenty-four months is also longer than the law requires in any state where our patients live. If you have a specific reason to need protection for longer, for example because your Social Security number was involved and you have already seen signs of misuse, call our dedicated line and we will extend your enrollment.',
  ],
  [
    'I moved. Will the monitoring still work?',
    'Yes. The monitoring service follows your credit file, not your address. When you enroll, give your current address. If the printed copy of this letter went to an old address, you do not need to do anything else: your enrollment code works wherever you live.',
  ],
  [
    'Can a family member call on my behalf?',
    'Yes, if you are with them when they call, or if they hold a power of attorney or are your legal guardian. For your privacy, the team will ask you to confirm that you are happy for them to speak for you before discussing your information.',
  ],
  [
    'Who can I talk to?',
    'Our dedicated line, 1-888-555-0163, is staffed by people who can answer questions about this incident, Monday to Friday from 6:00 a.m. to 6:00 p.m. Pacific time and Saturday from 8:00 a.m. to 2:00 p.m. You can also write to our Privacy Officer at the address below or email [privacy@harborviewhealth.example](mailto:privacy@harborviewhealth.example). We read every message.',
  ],
]

const states: [string, string][] = [
  [
    'California',
    'You can learn more about identity theft protection from the California Department of Justice Privacy Enforcement and Protection Unit at [oag.ca.example/privacy](https://oag.ca.example/privacy). This notice was not delayed at the request of law enforcement.',
  ],
  [
    'Colorado, Georgia, Maine, Maryland, Massachusetts, New Jersey, Puerto Rico and Vermont',
    'You may get one free copy of your credit report each month from each of the three credit bureaus in addition to the free reports available to everyone. To request it, contact the bureaus at the numbers listed above.',
  ],
  [
    'District of Columbia',
    'You may contact the Office of the Attorney General for the District of Columbia, Consumer Protection Division, 400 6th Street NW, Washington, DC 20001, phone 202-555-0131, [oag.dc.example](https://oag.dc.example), for information about steps you can take to avoid identity theft.',
  ],
  [
    'Iowa',
    'You are advised to report any suspected identity theft to law enforcement or to the Iowa Attorney General, Consumer Protection Division, 1305 E. Walnut Street, Des Moines, IA 50319, phone 515-555-0148.',
  ],
  [
    'Kentucky',
    'You may contact the Office of the Attorney General of Kentucky, 700 Capitol Avenue, Suite 118, Frankfort, KY 40601, phone 502-555-0173, [ag.ky.example](https://ag.ky.example), for information about preventing identity theft.',
  ],
  [
    'Maryland',
    'You may contact the Maryland Office of the Attorney General, Consumer Protection Division, 200 St. Paul Place, Baltimore, MD 21202, phone 410-555-0190, [marylandattorneygeneral.example](https://www.marylandattorneygeneral.example), for information about steps you can take to avoid identity theft.',
  ],
  [
    'Massachusetts',
    'Under Massachusetts law, you have the right to obtain any police report filed in regard to this incident. If you are the victim of identity theft, you also have the right to file a police report and obtain a copy of it. There is no charge to place or lift a security freeze.',
  ],
  [
    'New Mexico',
    'You have rights under the federal Fair Credit Reporting Act, including the right to know what is in your file, to dispute incomplete or inaccurate information, and to have consumer reporting agencies correct or delete inaccurate, incomplete or unverifiable information. You can review a summary of your rights at [consumerfinance.example/learnmore](https://www.consumerfinance.example/learnmore).',
  ],
  [
    'New York',
    'You may contact the New York Attorney General, Bureau of Internet and Technology, The Capitol, Albany, NY 12224, phone 1-800-555-0125, or the New York Department of State Division of Consumer Protection, phone 1-800-555-0197, for information about preventing identity theft.',
  ],
  [
    'North Carolina',
    'You may contact the North Carolina Attorney General’s Office, Consumer Protection Division, 9001 Mail Service Center, Raleigh, NC 27699, phone 1-877-555-0116, [ncdoj.example](https://www.ncdoj.example), for information about preventing identity theft.',
  ],
  [
    'Oregon',
    'You are advised to report any suspected identity theft to law enforcement, to the Federal Trade Commission and to the Oregon Department of Justice, 1162 Court Street NE, Salem, OR 97301, phone 1-877-555-0151, [doj.state.or.example](https://www.doj.state.or.example).',
  ],
  [
    'Rhode Island',
    'You may contact the Rhode Island Attorney General, 150 South Main Street, Providence, RI 02903, phone 401-555-0176, [riag.ri.example](https://riag.ri.example). You have the right to obtain a police report if one is filed. This incident affected 41 Rhode Island residents.',
  ],
  [
    'Connecticut',
    'You may contact the Connecticut Office of the Attorney General, 165 Capitol Avenue, Hartford, CT 06106, phone 860-555-0102, [portal.ct.example/ag](https://portal.ct.example/ag), for information about preventing identity theft. There is no charge to place, lift or remove a security freeze.',
  ],
  [
    'Illinois',
    'You may obtain information about fraud alerts and security freezes from the Federal Trade Commission and the credit bureaus listed above, and from the Illinois Attorney General, 100 West Randolph Street, Chicago, IL 60601, phone 1-800-555-0107.',
  ],
  [
    'Michigan',
    'You may contact the Michigan Department of Attorney General, Consumer Protection Division, P.O. Box 30213, Lansing, MI 48909, phone 877-555-0165, for information about protecting yourself against identity theft.',
  ],
  [
    'Texas',
    'You may contact the Office of the Texas Attorney General, Consumer Protection Division, P.O. Box 12548, Austin, TX 78711, phone 1-800-555-0132, [texasattorneygeneral.example](https://www.texasattorneygeneral.example), to learn about identity theft and how to report it.',
  ],
  [
    'Arizona',
    'You may contact the Arizona Attorney General, Consumer Protection and Advocacy Section, 2005 North Central Avenue, Phoenix, AZ 85004, phone 602-555-0199, for information about identity theft.',
  ],
  [
    'Alaska, Idaho and Montana',
    'You have the right to request a security freeze at no cost. To place a freeze, contact each of the three credit bureaus; you will need your full name, date of birth, Social Security number, current address and proof of address. A freeze placed online or by phone takes effect within one business day.',
  ],
  [
    'Nevada',
    'You may contact the Nevada Attorney General, Bureau of Consumer Protection, 100 North Carson Street, Carson City, NV 89701, phone 702-555-0140, for help with identity theft. Residents of Nevada who are under 16 may also have a security freeze placed by a parent or guardian.',
  ],
  [
    'Hawaii',
    'You may contact the Hawaii Office of Consumer Protection, 235 South Beretania Street, Suite 801, Honolulu, HI 96813, phone 808-555-0156, for information about identity theft and how to report it.',
  ],
  [
    'Washington',
    'You may contact the Washington State Office of the Attorney General, Consumer Protection Division, 800 Fifth Avenue, Suite 2000, Seattle, WA 98104, phone 1-800-555-0119, [atg.wa.example](https://www.atg.wa.example), for information about identity theft and how to protect yourself.',
  ],
]

const bureaus: [string, string][] = [
  [
    'Equifax',
    'P.O. Box 105788, Atlanta, GA 30348 &middot; 1-800-555-0111 &middot; [equifax.example/personal/credit-report-services](https://www.equifax.example/personal/credit-report-services)',
  ],
  ['Experian', 'P.O. Box 9554, Allen, TX 75013 &middot; 1-888-555-0112 &middot; [experian.example/help](https://www.experian.example/help)'],
  [
    'TransUnion',
    'P.O. Box 2000, Chester, PA 19016 &middot; 1-800-555-0113 &middot; [transunion.example/credit-help](https://www.transunion.example/credit-help)',
  ],
]

const large: Email = {
  brand: harbor,
  modules: true,
  title: 'Notice of a data security incident involving your billing information',
  preheader: 'Someone got into one of our staff mailboxes in September. Here is what they could see, what we have done, and free protection for you.',
  nav: [
    ['Incident updates', 'https://www.harborviewhealth.example/incident'],
    ['Patient portal', 'https://portal.harborviewhealth.example/'],
    ['Contact us', 'https://www.harborviewhealth.example/contact'],
  ],
  hero: 'We are sorry: some of your billing information was exposed',
  content: [
    {p: 'Enrollment code: **{{enrollment_code}}** &middot; Enroll by: **January 31**'},
    {p: 'Dear {{first_name}} {{last_name}},'},
    {
      p: 'We are writing to tell you about a security incident at Harborview Health Partners that involved some of your personal and billing information. We are sorry. You trusted us with this information, and we did not protect it as well as we should have. This letter explains what happened, what information was involved, what we are doing, and the steps you can take, including free credit and identity monitoring for 24 months.',
    },
    {h2: 'What happened'},
    {
      p: 'On Friday, September 8, an employee in our billing department received an email that looked like it came from our IT help desk. The employee followed a link in the email and entered their password on a fake sign-in page. From September 8 to September 12, an unauthorized person used that password to get into the employee’s email account and download its contents.',
    },
    {
      p: 'On September 12 our security team noticed sign-ins to the account from an unfamiliar location. We locked the account the same morning, reset the password, ended every active session and began an investigation with Northgate Forensics, an outside cybersecurity firm. We also reported the incident to the FBI.',
    },
    {
      p: 'The investigation found that the unauthorized person downloaded the full mailbox, which held about 48,000 messages and attachments going back to 2019. Our team and the forensic firm reviewed every message to find out whose information was in the mailbox and what kind. That review finished on October 20. We found no sign that the unauthorized person got into any other Harborview system, including our electronic health records, the patient portal or our payment systems.',
    },
    {h3: 'Timeline of events'},
    {
      table: [
        [
          'Friday, September 8, 2:41 p.m.',
          'A billing employee receives a phishing email that imitates our IT help desk and enters their password on a fake sign-in page.',
        ],
        [
          'Friday, September 8, 2:55 p.m.',
          'The unauthorized person signs in to the employee’s mailbox for the first time, from a server outside the United States.',
        ],
        [
          'Saturday, September 9',
          'Our sign-in monitoring raises an alert, but it goes to a queue that is not watched at weekends. This is the step we most regret.',
        ],
        ['Saturday, September 9 to Monday, September 11', 'The unauthorized person downloads the contents of the mailbox in several sessions.'],
        [
          'Tuesday, September 12, 8:10 a.m.',
          'Our security team reviews the weekend’s alerts, recognizes the sign-ins as suspicious, and locks the account within 20 minutes.',
        ],
        ['Tuesday, September 12, afternoon', 'We engage Northgate Forensics and notify the FBI. All billing staff passwords are reset as a precaution.'],
        ['September 13 to October 2', 'Security keys are issued to every staff member and alerts are moved to a round-the-clock security operations team.'],
        ['September 14 to October 20', 'Our team and the forensic firm review about 48,000 messages and attachments to find whose information they contained.'],
        ['October 24', 'We begin sending this notice to the 61,380 people whose information was in the mailbox, and we notify regulators.'],
      ],
    },
    {
      p: 'We are sharing this timeline because we think you should be able to see exactly what happened and when, including where we were too slow. Had the weekend alert been read on Saturday, the mailbox would have been locked about three days earlier.',
    },
    {h2: 'What information was involved'},
    {
      p: 'The mailbox contained information about 61,380 patients and insurance policyholders. The information differed from person to person. For you, the mailbox contained the following:',
    },
    {
      table: [
        ['Name and address', 'Yes'],
        ['Date of birth', 'Yes'],
        ['Patient account number', 'Yes'],
        ['Health insurance provider and member number', '{{insurance_involved}}'],
        ['Dates of service and the type of service billed', '{{service_involved}}'],
        ['Social Security number', '{{ssn_involved}}'],
        ['Last four digits of a payment card', '{{card_involved}}'],
        ['Full medical record, test results or clinical notes', 'No'],
        ['Passwords, bank account or full card numbers', 'No'],
      ],
    },
    {
      p: 'If a row above says “Yes”, that information about you was in at least one message or attachment. If you are unsure what a row means for you, call us and we will go through it with you.',
    },
    {h2: 'What we are doing'},
    {p: 'Besides locking the account and investigating, we have made changes so that a single stolen password cannot expose this much information again:'},
    {
      ul: [
        'Every staff member now signs in with a physical security key, which a fake sign-in page cannot capture. We finished rolling these out on October 2.',
        'Alerts about unusual sign-ins now go to a security operations team that works around the clock, every day of the year. The alert that fired on September 9 went to a queue nobody was watching over the weekend; that cannot happen any more.',
        'Billing staff can no longer send patient information by email. Claims and payment plans are handled inside our billing system, which records who looked at what.',
        'Messages in staff mailboxes that contain patient information are now deleted automatically after 30 days.',
        'All staff are taking updated training on phishing, and we run practice exercises every month.',
        'An independent firm will test these changes in the spring, and we will publish a summary of what it finds on our website.',
      ],
    },
    {p: 'We have also notified the U.S. Department of Health and Human Services, state regulators and the three national credit bureaus.'},
    {h2: 'What you can do'},
    {
      p: 'We have no evidence that anyone has misused your information. Still, we recommend that you take these steps to protect yourself. They take a few minutes, and they cost nothing:',
    },
    {
      ol: [
        '**Enroll in free credit and identity monitoring.** Go to [harborviewhealth.example/protect](https://www.harborviewhealth.example/protect) or call 1-888-555-0187, and use your enrollment code **{{enrollment_code}}**. You must enroll by January 31.',
        '**Read your explanation of benefits statements.** When your health insurer sends you one, check that every service listed is one you actually received. If you see something you do not recognize, call your insurer and then call us.',
        '**Check your credit reports.** You can get a free copy from each of the three credit bureaus every week at [annualcreditreport.example](https://www.annualcreditreport.example) or by calling 1-877-555-0182. Look for accounts or inquiries you do not recognize.',
        '**Consider a credit freeze or fraud alert.** Both are free. A freeze stops lenders from seeing your credit file until you lift it; a fraud alert asks lenders to check your identity before opening an account. Contact details for the bureaus are below.',
        '**Be wary of calls and emails that mention this incident.** We will never ask you for your Social Security number, password or card number by phone or email.',
      ],
    },
    {button: ['Enroll in free monitoring', 'https://www.harborviewhealth.example/protect?code={{enrollment_code}}']},
    {h3: 'How to enroll'},
    {
      ol: [
        'Go to [harborviewhealth.example/protect](https://www.harborviewhealth.example/protect).',
        'Choose “Enroll now” and enter your enrollment code: **{{enrollment_code}}**.',
        'Enter your name, address, date of birth and Social Security number. The monitoring service needs these to match you with your credit file; Harborview does not receive them.',
        'Answer the identity questions. They come from your credit file, for example the name of a lender you have an account with.',
        'Choose how you want to receive alerts: by email, text message or both.',
      ],
    },
    {
      p: 'If you cannot enroll online or prefer to talk to someone, call 1-888-555-0187, Monday to Friday from 6:00 a.m. to 6:00 p.m. Pacific time. The enrollment line can also help parents enroll a child and help anyone who does not have a credit file.',
    },
    {h3: 'Contacting the credit bureaus'},
    {table: bureaus},
    {
      p: 'You can also learn more about identity theft, fraud alerts and credit freezes from the Federal Trade Commission, 600 Pennsylvania Avenue NW, Washington, DC 20580, phone 1-877-555-0138, [identitytheft.example](https://www.identitytheft.example). If you believe you are the victim of identity theft, report it to the FTC and to your local police, and keep a copy of the police report.',
    },
    {h2: 'Frequently asked questions'},
    {faq},
    {h2: 'Information for residents of certain states'},
    {p: 'Depending on where you live, the following information may also apply to you.'},
    {faq: states.map(([state, text]): [string, string] => [`For residents of ${state}`, text]), plain: true},
    {h2: 'For more information'},
    {
      p: 'We know that a letter like this is unsettling, and that it may raise questions we have not answered here. Please call our dedicated line at 1-888-555-0163, Monday to Friday from 6:00 a.m. to 6:00 p.m. and Saturday from 8:00 a.m. to 2:00 p.m. Pacific time. The people answering are Harborview staff who have been briefed on this incident and can look up exactly what was involved for you. You can also reply to this email or write to our Privacy Officer, and we will answer within two working days.',
    },
    {
      p: 'Protecting the information you share with us is part of caring for you, and this time we fell short. We are sorry, and we are committed to earning back your trust.',
    },
  ],
  signature: [
    'Sincerely,',
    'Dr. Angela Moreno',
    'Chief Executive Officer, Harborview Health Partners',
    '',
    'Marcus Webb',
    'Privacy Officer, 1800 Waterfront Avenue, Suite 400, Portland, OR 97209',
  ],
  footer: [
    'This is a required notice about your personal information. You are receiving it because you are, or were, a Harborview Health Partners patient or the policyholder for one. It is not a marketing email, and it was sent even if you have unsubscribed from our newsletters.',
    '[Notice of Privacy Practices](https://www.harborviewhealth.example/privacy-practices) &middot; [Incident updates](https://www.harborviewhealth.example/incident) &middot; [Manage email preferences](https://www.harborviewhealth.example/preferences)',
    'Harborview Health Partners complies with applicable federal civil rights laws and does not discriminate on the basis of race, color, national origin, age, disability or sex. ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al 1-888-555-0163.',
  ],
}

const dir = new URL('./emails/', import.meta.url)
mkdirSync(dir, {recursive: true})
for (const [name, email] of [
  ['small', small],
  ['medium', medium],
  ['large', large],
] as const) {
  writeFileSync(new URL(`${name}.html`, dir), page(email))
}
